<!-- include start from isis/level-1-2-leaf.xml.i -->
<leafNode name="level-1">
  <properties>
    <help>Match on IS-IS level-1 routes</help>
    <valueless/>
  </properties>
</leafNode>
<leafNode name="level-2">
  <properties>
    <help>Match on IS-IS level-2 routes</help>
    <valueless/>
  </properties>
</leafNode>