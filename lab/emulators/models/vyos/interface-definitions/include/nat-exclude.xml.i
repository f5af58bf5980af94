<!-- include start from nat-exclude.xml.i -->
<leafNode name="exclude">
   <properties>
     <help>Exclude packets matching this rule from NAT</help>
     <valueless/>
   </properties>
</leafNode>
<!-- include end -->
