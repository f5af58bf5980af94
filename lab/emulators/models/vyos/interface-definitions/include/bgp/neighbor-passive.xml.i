<!-- include start from bgp/neighbor-passive.xml.i -->
<leafNode name="passive">
  <properties>
    <help>Do not initiate a session with this neighbor</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
