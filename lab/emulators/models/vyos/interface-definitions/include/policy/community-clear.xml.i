<!-- include start from policy/community-clear.xml.i -->
<leafNode name="none">
  <properties>
    <help>Completely remove communities attribute from a prefix</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
